/**
 * The families of operation-name shapes Google APIs bind their cancel to (AIP-122 resource names,
 * AIP-151 operations), as the catalogue counts them. A family is a fact for people (`list
 * --catalogue`, docs/CATALOGUE.md); what the suite can check on a shape comes from the profile's
 * bindings and limits, never from its family.
 */

export const SHAPE_FAMILIES = [
  {
    id: 'project-location',
    shape: 'projects/*/locations/*/operations/*',
    words: 'operations of a project location',
  },
  {
    id: 'other-parent',
    shape: '…/*/operations/*',
    words: 'operations under another parent (datasets, instances, a fixed location, …)',
  },
  { id: 'global', shape: 'operations/**', words: 'global operations' },
  {
    id: 'organization-location',
    shape: '{organizations,folders,billingAccounts}/*/locations/*/operations/*',
    words: 'operations of an organization, folder or billing-account location',
  },
  { id: 'project', shape: 'projects/*/operations/*', words: 'operations of a project' },
  {
    id: 'split-fields',
    shape: '…/{project}/operations/{operation}/cancel',
    words: 'a non-AIP path: the name split into several fields, no {name} binding',
  },
  {
    id: 'transfer-operations',
    shape: 'transferOperations/**',
    words: "storagetransfer's transfer operations",
  },
] as const;

export type ShapeFamily = (typeof SHAPE_FAMILIES)[number]['id'];

const ORGANIZATION_LOCATION =
  /^(organizations|folders|billingAccounts)\/\*\/locations\/\*\/operations\/\*$/;

/**
 * The family of a cancel: its `{name=…}` binding, or `undefined` when it binds no name. A path
 * that splits the name into fields but keeps the `:cancel` custom verb (container's zonal
 * operations) is a parent of its own; one that ends `/cancel` is the non-AIP family.
 */
export function shapeFamilyOf(binding: string | undefined, path: string): ShapeFamily {
  if (binding === undefined) return path.endsWith(':cancel') ? 'other-parent' : 'split-fields';
  if (binding === 'projects/*/locations/*/operations/*') return 'project-location';
  if (binding === 'projects/*/operations/*') return 'project';
  if (binding === 'operations/**' || binding === 'operations/*') return 'global';
  if (binding === 'transferOperations/**') return 'transfer-operations';
  if (ORGANIZATION_LOCATION.test(binding)) return 'organization-location';
  return 'other-parent';
}
