/**
 * The operator console (/console): Jakarta Faces pages for admins and operators, signed in with their
 * personal accounts into an HTTP session, calling the same EJB services as the API. ConsoleFilter
 * guards every page: a signed-in, still active account, the role a page needs, a CSRF token on every
 * form, and the browser headers that keep the pages out of frames and foreign scripts.
 */
package health.leiming.web.console;
