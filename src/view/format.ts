/** Numbers shared by the view's sections. */
import { groupDigits, percentOf } from "../spec/numbers";

export const num = groupDigits;
export const pct = percentOf;
