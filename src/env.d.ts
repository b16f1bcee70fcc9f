/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person, or null. Filled by the session handler in src/middleware.ts. */
    user: import('./lib/server/auth/session').SessionUser | null;
    session: import('../db/schema').Session | null;
    /** The client's address, for sign-in throttling. */
    clientAddress: string;
  }
}
