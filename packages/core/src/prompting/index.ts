// Filled in by the prompting work (see issue).
export {};
