import { smoothingModel } from './smoothing.js';

/** Holt's linear trend, ETS(A,A,N), on the seasonally adjusted series. */
export const holt = smoothingModel('holt', 'A', 4);
