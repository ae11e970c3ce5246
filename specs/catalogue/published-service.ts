/**
 * What a published document says about one service's operations surface, whatever its form
 * (a Discovery document, a service configuration's HTTP rules): its cancels, each with the get
 * and the other operations methods published beside it, and the cancel's own words. One model,
 * read by one profile builder (profile-of-published.ts), so every form is judged the same way.
 */
import type {
  CancelBodyRule,
  CancelTextStatus,
  OperationsMethod,
  ProfileDocument,
  SuccessBodyWording,
} from '../service-profile.ts';
import type { ShapeFamily } from './name-shapes.ts';

export interface PublishedCancel {
  /** The method id (Discovery) or a selector-like id (`admanager.operations.cancel`). */
  readonly id: string;
  /** The path as the document prints it, for messages (`v1/{+name}:cancel`). */
  readonly path: string;
  readonly httpMethod: string;
  /** Its body rule: `request` present (`*`) or not, even where the path binds no name. */
  readonly body: CancelBodyRule;
  readonly family: ShapeFamily;
  /** The cancel as a profile method; absent when its path binds no name (`unbound` says why). */
  readonly method?: OperationsMethod;
  readonly unbound?: string;
  /** The `{name=…}` binding, when the path has one. */
  readonly binding?: string;
  /** The get published beside it (same resource, or the rule's own get). */
  readonly get?: OperationsMethod;
  /** Why that get cannot read a google.longrunning.Operation, when it cannot. */
  readonly getNotLongRunning?: string;
  /** delete, list, wait published beside it. */
  readonly siblings: readonly OperationsMethod[];
  /** What the document says of this cancel's request body, in its own words. */
  readonly bodyQuote: string;
  /** The cancel's description and how it compares with the standard text. */
  readonly text: { readonly status: CancelTextStatus; readonly text: string };
}

export interface PublishedService {
  readonly id: string;
  readonly title: string;
  readonly host: string;
  readonly version: string;
  readonly document: ProfileDocument;
  /** Every cancel the document publishes, in document order. */
  readonly cancels: readonly PublishedCancel[];
  /** What the document says a successful cancel answers, in its own words. */
  readonly successBody: { readonly wording: SuccessBodyWording; readonly quote: string };
}
