/**
 * samnytta — the calculation library. One export line per function, grouped by stage:
 * catalogue → project → pricing (ledger) → evaluation (result) → presentation.
 */

// Catalogue
export { parseCatalog, idFromPath } from './catalog/parse.js';
export { valueAt, paramAt, indexValue, uprate } from './catalog/value-at.js';
export type { Catalog, ClassPart, InsatsClasses, Item, Series, DatedValue, Source, Status, Unit, UsedValue, Actor, Group, FinancingKey } from './catalog/types.js';

// Project model
export { validateProject, type ValidationResult } from './model/project.js';
export type { Project, Participant, Situation, Line, Attributes, EgenPosting, InterventionCost, CostYear, Financing, EvidenceGrade, PriceOverride } from './model/types.js';
export { readProjectFromFiles, readProjectSource, findProjectFile, parseProjectText, PROJECT_FILE_NAMES, type ProjectRead, type ProjectSourceOptions } from './model/project-files.js';
export { memoryFiles, normalizePath, type FileSource } from './model/file-source.js';
export { bundledMapping, type TransitionMapping } from './model/transitions.js';
export type { Note } from './model/participants-file.js';

// Shared vocabulary
export { CATEGORIES, type Category, type PostingKind } from './vocabulary.js';

// Engine (pricing into the ledger) and results (evaluation over the horizon)
export { priceProject } from './engine/price.js';
export { evaluate, cellEffects, type Assumptions } from './results/evaluate.js';
export { payback, paysBack, yearlyStream, effectPath, horizonFactor, benefitOver, cumulativeNet, discounted, adjustedEffect, comparisonScale, type HorizonOptions, type Payback, type PaybackStatus } from './results/horizon.js';
export { subgroupTables, subgroupKey, SUBGROUP_DIMENSIONS, type SubgroupTable, type SubgroupRow, type SubgroupDimension } from './results/subgroups.js';
export { costByActor, financingShares, totalCost } from './results/cost.js';
export { memberResults, hasMembers, type MemberResult, type MembersResult } from './results/members.js';
export { calculate } from './calculate.js';
export type { Ledger, LedgerSide, ParticipantRows } from './engine/ledger.js';
export type { Result, ActorResult, HorizonResult, CategoryChange, ItemRow, PotentialResult } from './results/result.js';
export { incomeTax, type TaxInput, type TaxResult } from './engine/tax/income-tax.js';
export { taxYearParams, type TaxYearParams } from './engine/tax/tax-params.js';

// Sensitivity
export { sensitivityModel, baseScenario, copyScenario, scenarioLedger, evaluateScenario, scenarioNets, headlineTargets, type SensitivityModel, type Scenario, type ScenarioNets, type Target } from './sensitivity/scenario.js';
export { rangeDefaults, uncertainInputs, applyInput, RANGES_PARAMETER, type UncertainInput, type RangeDefaults, type InputKind } from './sensitivity/ranges.js';
export { classics, type Classic, type ClassicOutcome } from './sensitivity/classics.js';
export { oneWay, type Tornado, type TornadoRow } from './sensitivity/one-way.js';
export { switchingValues, findRoot, type SwitchingValue, type SwitchingOptions } from './sensitivity/switching-value.js';
export { breakEven, resolveBreakEvenTarget, targetSituation, splitProject, mixLedger, BREAK_EVEN_TARGETS, type BreakEven, type BreakEvenFinding, type BreakEvenTarget } from './sensitivity/break-even.js';
export { monteCarlo, triangular, quantileSorted, type MonteCarloResult, type MonteCarloOptions, type TargetDistribution } from './sensitivity/monte-carlo.js';
export { evidence, evidenceLine, type Evidence } from './sensitivity/evidence.js';
export { prepare as prepareSensitivity, catalogRepricer } from './sensitivity/prepare.js';
export { sensitivityJson, sensitivityTable, breakEvenJson, breakEvenTable, monteCarloJson, monteCarloTable, SENSITIVITY_SCHEMA, BREAKEVEN_SCHEMA, MONTECARLO_SCHEMA } from './report/sensitivity.js';

// Portfolio (issue 15)
export { buildPortfolio, keyFigure, latestProjectYear, KEY_FIGURES, PORTFOLIO_INDEX, type Portfolio, type PortfolioRow, type PortfolioInput, type PortfolioFailure, type ActorFigures, type KeyFigure, type ProjectKind, type Totals } from './portfolio/portfolio.js';
export { centre, deviation, type Centre, type Deviation } from './portfolio/stats.js';
export { portfolioJson, portfolioTable, portfolioNotes, PORTFOLIO_SCHEMA } from './report/portfolio/present.js';
export { checkClass, classLabel, type ClassCheck } from './model/insatsklass.js';
export { parseBenchmarks, validateBenchmark, figureIn, isMoney, FIGURE_KEYS, APPROX, type BenchmarkEntry, type BenchmarkFigure, type BenchmarkSource, type FigureKey, type Approx } from './portfolio/benchmarks.js';
export { compare, entriesFor, ownValue, comparisonCaveat, type Comparison, type ComparedEntry, type ComparedFigure, type ProjectComparison } from './portfolio/compare.js';
export { comparisonJson, comparisonTable, COMPARISON_SCHEMA } from './report/portfolio/compare-present.js';

// Presentation
export { toResultJson, resultWarnings, RESULT_SCHEMA, type ResultJson } from './report/result-json.js';
export { summaryTable, paybackText } from './report/summary-table.js';
export { kr, decimal, percent, roundTo } from './report/format.js';

// Errors
export { InputError, formatProblem, type Problem, type Lang } from './util/errors.js';
