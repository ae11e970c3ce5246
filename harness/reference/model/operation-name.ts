/**
 * Mints operation names from a service's name template (gRPC-transcoding segments, AIP-127:
 * `accounts/*\/apps/*\/operations/*`, `operations/**`). Every wildcard but the last is filled with
 * `ref`; the last gets `<service-id>-<serial>`, so names are unique across services even where two
 * services bind the same template (adsdatahub and dai both bind `operations/**`).
 */
import { HarnessError } from '#base';

const FILLER = 'ref';

export function mintOperationName(nameTemplate: string, serviceId: string, serial: number): string {
  const segments = nameTemplate.split('/');
  const last = segments.findLastIndex((segment) => segment === '*' || segment === '**');
  if (last === -1) {
    throw new HarnessError(
      `Cannot mint operation names for service "${serviceId}": its name template "${nameTemplate}" has no "*" or "**" segment. Fix the profile's nameTemplate.`,
      { code: 'REFERENCE' },
    );
  }
  return segments
    .map((segment, index) => {
      if (index === last) return `${serviceId}-${serial}`;
      return segment === '*' || segment === '**' ? FILLER : segment;
    })
    .join('/');
}
