/**
 * A Response whose body has been read once as text, rebuilt from that text so that later
 * readers get it again cheaply: cloning would tee the body stream for every reader.
 */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export async function readOnce(response: Response): Promise<{ text: string; response: Response }> {
  const text = await response.text();
  const rebuilt = new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  return { text, response: rebuilt };
}
