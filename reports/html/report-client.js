// The behaviour of report.html: filters over the matrix and the findings, a cell's detail on
// click (and from the #cell-N fragment), and copy buttons for commands and curl lines. Plain
// DOM, no network; only textContent is ever written, never markup.
(() => {
  const cells = Array.from(document.querySelectorAll('td.cell[data-cell]'));
  const placeholder = document.getElementById('detail-placeholder');

  function selected(kind) {
    const boxes = document.querySelectorAll(`input[data-filter="${kind}"]`);
    return new Set(
      Array.from(boxes)
        .filter((box) => box.checked)
        .map((box) => box.value),
    );
  }

  function applyFilters() {
    const outcomes = selected('outcome');
    const strengths = selected('strength');
    const services = selected('service');
    const matches = (cell) =>
      outcomes.has(cell.dataset.outcome) &&
      strengths.has(cell.dataset.strength) &&
      services.has(cell.dataset.service);
    for (const column of document.querySelectorAll('[data-column]')) {
      column.hidden = !services.has(column.dataset.column);
    }
    let shown = 0;
    for (const row of document.querySelectorAll('tr[data-clause]')) {
      let rowShown = false;
      for (const cell of row.querySelectorAll('td.cell[data-cell]')) {
        const match = matches(cell);
        cell.classList.toggle('filtered-out', !match);
        if (match) {
          rowShown = true;
          shown += 1;
        }
      }
      row.hidden = !rowShown;
    }
    const byId = new Map(cells.map((cell) => [cell.dataset.cell, cell]));
    for (const group of document.querySelectorAll('[data-group-cells]')) {
      const ids = group.dataset.groupCells.split(' ');
      group.hidden = !ids.some((id) => byId.has(id) && matches(byId.get(id)));
    }
    const count = document.getElementById('shown-count');
    if (count) count.textContent = `${shown} of ${cells.length} cells shown`;
  }

  function openCell(id) {
    const detail = document.getElementById(id);
    if (!detail?.classList.contains('cell-detail')) return;
    for (const other of document.querySelectorAll('.cell-detail')) other.hidden = other !== detail;
    if (placeholder) placeholder.hidden = true;
    for (const cell of cells) cell.classList.toggle('selected', cell.dataset.cell === id);
    detail.focus({ preventScroll: true });
    detail.scrollIntoView({ block: 'nearest' });
    if (location.hash !== `#${id}`) {
      try {
        history.replaceState(null, '', `#${id}`);
      } catch {
        // Some viewers forbid history changes for local files; the detail is open anyway.
      }
    }
  }

  function copyBySelection(text) {
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }

  async function copy(button) {
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    const text = source.textContent;
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = copyBySelection(text);
    }
    button.textContent = copied ? 'Copied' : 'Select and copy the line';
    setTimeout(() => {
      button.textContent = button.dataset.label ?? 'Copy';
    }, 2000);
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const opener = target?.closest('[data-open]');
    if (opener) {
      openCell(opener.dataset.open);
      return;
    }
    const copier = target?.closest('[data-copy]');
    if (copier) void copy(copier);
  });

  const filters = document.querySelector('form.filters');
  if (filters) {
    filters.addEventListener('change', applyFilters);
    // A reset restores the boxes after this event; apply the filters once it has.
    filters.addEventListener('reset', () => setTimeout(applyFilters, 0));
    filters.addEventListener('submit', (event) => event.preventDefault());
  }

  applyFilters();
  const fromFragment = /^#(cell-\d+)$/.exec(location.hash);
  if (fromFragment) openCell(fromFragment[1]);
})();
