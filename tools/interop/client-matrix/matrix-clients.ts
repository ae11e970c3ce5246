/**
 * Every official Node client the matrix drives, in the order docs/CLIENTS.md lists them: the
 * service-specific libraries first, then google-gax's generic OperationsClient.
 */

import type { ClientUnderTest } from './client-under-test.ts';
import { admanagerReportService } from './clients/admanager-report-service.ts';
import { gaxWithDefaultRules, gaxWithServiceRules } from './clients/gax-operations-clients.ts';
import { googleapisChecks } from './clients/googleapis-checks.ts';
import { googleapisPackage } from './clients/googleapis-package.ts';

export const MATRIX_CLIENTS: readonly ClientUnderTest[] = [
  admanagerReportService,
  googleapisPackage,
  googleapisChecks,
  gaxWithServiceRules,
  gaxWithDefaultRules,
];
