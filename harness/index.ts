/**
 * `#harness`: what a suite file sees of the harness, and nothing more. A suite declares its
 * clause (`defineClause` with the sources it quotes), registers its check (`conformanceTest`) and
 * reads answers with the shared rules below; everything else (targets, clients, validators,
 * polling) reaches it through the clause context its check receives. Explicit re-exports only.
 */
export {
  aipSource,
  conformanceTest,
  defineClause,
  describeOperation,
  isEmptyJsonObject,
  isJsonMediaType,
  operationState,
  protoSource,
  rfcSource,
  seedSources,
  servicesWhere,
} from './clause/index.ts';
