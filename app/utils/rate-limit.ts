// One limiter for the app and the HTTP server (see server/rate-limit.js).
export { FixedWindowLimiter } from "../../server/rate-limit.js";
