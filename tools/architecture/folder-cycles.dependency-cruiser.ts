/**
 * The folder-cycle check of .dependency-cruiser.ts (`npm run deps`), over the code without its
 * tests: tests are leaves, but one that uses a stand-in of tools/testing, which drives the
 * harness, would close a loop through its own folder that no shipped import makes.
 */
import type { IConfiguration } from 'dependency-cruiser';
import rules, { LEFT_OUT_OF_CYCLE_CHECK, NO_FOLDER_CYCLE } from '../../.dependency-cruiser.ts';

const config: IConfiguration = {
  forbidden: [NO_FOLDER_CYCLE],
  options: { ...rules.options, exclude: { path: [...LEFT_OUT_OF_CYCLE_CHECK] } },
};

export default config;
