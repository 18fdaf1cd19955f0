/** The web worker: exposes SimApi over Comlink. */
import * as Comlink from 'comlink';
import { createSimApi } from './serve.js';

Comlink.expose(createSimApi());
