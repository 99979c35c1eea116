/**
 * Who holds a lease: "<host>:<pid>:<nonce>". On the same host a lease of a process that no
 * longer exists can be taken over at once instead of waiting for it to run out (after a
 * kill -9 or a power cut). A reused pid is harmless: the nonce differs, so the old owner is
 * simply treated as alive until its lease runs out.
 */
import crypto from "node:crypto";
import os from "node:os";

const NONCE = crypto.randomBytes(6).toString("hex");

export function processOwner(): string {
  return `${os.hostname()}:${process.pid}:${NONCE}`;
}

export function ownerIsGone(owner: string): boolean {
  const [host, pid, nonce] = owner.split(":");
  if (host !== os.hostname() || !pid || !nonce) return false;
  if (Number(pid) === process.pid) return nonce !== NONCE;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
