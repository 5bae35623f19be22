/** Numbers shared by the view's sections. */
import { groupDigits, percentOf } from "../core/numbers";

export const num = groupDigits;
export const pct = percentOf;
