#!/usr/bin/env node
/** The `samnytta` bin: the only place that calls process.exit. */
import { dispatch } from './dispatch.js';

dispatch(process.argv.slice(2)).then((code) => process.exit(code));
