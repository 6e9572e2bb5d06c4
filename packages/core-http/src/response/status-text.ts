// HTTP/2 and HTTP/3 carry no reason phrase; messages read better with one. Trimmed to the statuses
// the APIs answer with and core-http tells apart (error classes, retries).
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The server's reason phrase, or the standard one when it sent none. */
export function statusText(response: Response): string {
  return response.statusText || REASONS[response.status] || '';
}
