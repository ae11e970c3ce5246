/**
 * The folder-cycle check of .dependency-cruiser.ts, over the code without its tests (`npm run
 * deps`): tests are leaves, but one that uses a stand-in of tools/testing, which drives the
 * harness, would close a loop through its own folder that no shipped import makes.
 */
import type { IConfiguration } from 'dependency-cruiser';
import rules, { NO_FOLDER_CYCLE, TEST_CODE } from '../../.dependency-cruiser.ts';

const config: IConfiguration = {
  forbidden: [NO_FOLDER_CYCLE],
  options: { ...rules.options, exclude: { path: TEST_CODE } },
};

export default config;
