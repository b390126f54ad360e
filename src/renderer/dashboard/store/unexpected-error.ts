/**
 * Expected failures arrive as `Result` values with operator words. Anything thrown instead is
 * a bug or a broken bridge: log it for the developer and show the operator a plain sentence.
 */
export const UNEXPECTED_ERROR_MESSAGE =
  'Something went wrong inside Botdeck. Details are in the log.';

export function reportUnexpected(context: string, error: unknown): string {
  console.error(`Botdeck: ${context}`, error);
  return UNEXPECTED_ERROR_MESSAGE;
}
