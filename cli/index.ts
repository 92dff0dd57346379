#!/usr/bin/env node
/** The `samnytta` bin: the only place that calls process.exit. */
import { dispatch } from './dispatch.js';

// Exit once stdout has flushed: on a pipe writes are asynchronous, and exiting at once cut long JSON.
dispatch(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
