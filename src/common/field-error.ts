/** What is wrong with one field of a request (the `details` of a 400) and its codes: framework-free, for the pure rule modules. */
export { FieldErrorCode } from '../scoring/field-error';
export type { FieldError } from '../scoring/field-error';
