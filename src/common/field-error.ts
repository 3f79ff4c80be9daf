/** What is wrong with one field of a request: the `details` of a 400. Framework-free, so pure rule modules can name it. */
export interface FieldError {
  field: string;
  message: string;
}
