#!/usr/bin/env node
// The GitHub Action's step (action.yml): the build in dist/, else the sources of a checkout (launch.js).
import { launch } from './launch.js';

await launch('harness/action/bin');
