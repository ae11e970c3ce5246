#!/usr/bin/env node
// The `lro-conformance` command: the build in dist/, else the sources of a checkout (launch.js).
import { launch } from './launch.js';

await launch('harness/cli/bin');
