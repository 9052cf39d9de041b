import { smoothingModel } from './smoothing.js';

/** Damped trend, ETS(A,Ad,N), on the seasonally adjusted series. */
export const damped = smoothingModel('damped', 'Ad', 5);
