import { smoothingModel } from './smoothing.js';

/** Simple exponential smoothing, ETS(A,N,N), on the seasonally adjusted series. */
export const ses = smoothingModel('ses', 'N', 2);
