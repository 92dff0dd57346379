/**
 * Node-only entry points (file access): loading the bundled catalogue and reading project files.
 * Kept apart from lib/index.ts so the library itself runs in the browser (notebooks).
 */
export { loadCatalog, readCatalogFiles, defaultDataDir } from './catalog/load.js';
export { readProject, resolveProjectPath } from './model/read-project.js';
export { diskFiles, nodeFiles } from './model/node-files.js';
export { loadPortfolio, findProjects, type LoadPortfolioResult } from './portfolio/load.js';
export { loadBenchmarks, defaultBenchmarksDir } from './portfolio/benchmarks-load.js';
export * from './index.js';
