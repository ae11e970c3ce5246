/**
 * Placeholders for the user's parents in recordings, so a HAR file can be shared without the
 * project, network or account it was recorded against. A placeholder keeps the parent's shape:
 * each segment the service's name template fills with `*` or `**` becomes `{<collection>}`, the
 * collection id before it in the singular (AIP-122 resource names, AIP-123 pattern variables):
 * `projects/my-proj/locations/us` → `projects/{project}/locations/{location}`,
 * `networks/123` → `networks/{network}`, `accounts/a/apps/b` → `accounts/{account}/apps/{app}`;
 * a filled segment after another one is `{segmentN}` (N its 1-based position). The shape matters:
 * a replay run uses the placeholder as its `--parent`, so it builds the very names recorded,
 * and a name checked against the service's template still fits.
 */

import { HarnessError } from '#base';
import { parseSegmentsTemplate, serviceProfile } from '#specs';

export interface ParentPlaceholder {
  readonly service: string;
  readonly parent: string;
  readonly placeholder: string;
}

/** Service id → parent, as given with `--parent`, to their placeholders. */
export function parentPlaceholders(
  parents: Readonly<Record<string, string>>,
): readonly ParentPlaceholder[] {
  return Object.entries(parents).map(([service, parent]) => {
    const profile = serviceProfile(service);
    if (profile === undefined) {
      throw new HarnessError(`--parent names an unknown service "${service}"`);
    }
    return { service, parent, placeholder: placeholderFor(parent, profile.nameTemplate, service) };
  });
}

export function placeholderFor(parent: string, nameTemplate: string, service: string): string {
  const template = parseSegmentsTemplate(nameTemplate).segments;
  const parts = parent.split('/');
  let variable = false;
  return parts
    .map((part, index) => {
      const segment = variable ? { kind: 'multi-wildcard' as const } : template[index];
      if (segment === undefined || part === '') throw notAPrefix(parent, nameTemplate, service);
      if (segment.kind === 'literal') {
        if (segment.value !== part) throw notAPrefix(parent, nameTemplate, service);
        return part;
      }
      if (segment.kind === 'multi-wildcard') variable = true;
      const previous = template[index - 1];
      return previous?.kind === 'literal' && parts[index - 1] === previous.value
        ? `{${singular(previous.value)}}`
        : `{segment${index + 1}}`;
    })
    .join('/');
}

function singular(collection: string): string {
  return collection.length > 1 && collection.endsWith('s') ? collection.slice(0, -1) : collection;
}

function notAPrefix(parent: string, nameTemplate: string, service: string): HarnessError {
  return new HarnessError(
    `--parent ${service}=${parent} is not the leading part of ${service}'s operation names (${nameTemplate})`,
  );
}

/**
 * Replaces every whole occurrence of each parent (not inside a longer segment: `projects/p`
 * does not touch `projects/pp`), as written or percent-encoded (a multi-segment name sent with
 * `%2F`, or with one separator sent as `%2F`, as the encoded-separator probes send it), by its
 * placeholder in the same encoding. Longer parents first.
 */
export function replaceParents(text: string, placeholders: readonly ParentPlaceholder[]): string {
  const replacements = new Map<string, string>();
  for (const { parent, placeholder } of placeholders) {
    replacements.set(encodeURIComponent(parent), encodeURIComponent(placeholder));
    replacements.set(encodeSegments(parent), encodeSegments(placeholder));
    const ours = oneSeparatorEncoded(placeholder);
    oneSeparatorEncoded(parent).forEach((form, index) => {
      replacements.set(form, ours[index] ?? form);
    });
    replacements.set(parent, placeholder);
  }
  let out = text;
  for (const [from, to] of [...replacements].toSorted(([a], [b]) => b.length - a.length)) {
    const whole = new RegExp(`(?<![A-Za-z0-9._~%-])${escapeRegExp(from)}(?![A-Za-z0-9._~-])`, 'g');
    out = out.replace(whole, () => to);
  }
  return out;
}

/** `name`'s segments encoded, once for each of its separators sent as `%2F`. */
function oneSeparatorEncoded(name: string): string[] {
  const segments = name.split('/').map(encodeURIComponent);
  return segments
    .slice(1)
    .map((_, index) =>
      [segments.slice(0, index + 1).join('/'), segments.slice(index + 1).join('/')].join('%2F'),
    );
}

function encodeSegments(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
