// A file the import cannot read at all: empty, not the format it claims, or malformed. Answered as 422 naming `body`
// with the code `unreadable_file`; the detail says which in English.
import { ServiceError } from '../errors.js';

export function unreadableFile(detail: string, message = detail): ServiceError {
  return new ServiceError('invalid', detail, [{ field: 'body', code: 'unreadable_file', message }]);
}
