declare module "async-exit-hook" {
  /** The one part of async-exit-hook used here (the package ships no types). */
  const exitHook: { unhookEvent(event: string): void };
  export default exitHook;
}
