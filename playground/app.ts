/**
 * The playground's one script, bundled for the browser (scripts/bundle.mjs): on the page
 * it runs the user interface; the page starts a Worker from this same script's text, where
 * it runs the engine.
 */
import { startPage } from './page.js';
import { startWorker } from './worker.js';

if (typeof document === 'undefined') startWorker();
else startPage();
