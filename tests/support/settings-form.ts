/** The study settings form as a browser posts it: valid values, with `overrides` for the fields under test. */
export function settingsForm(overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  const values = {
    desiredRetention: "0.85",
    newCardsPerDay: "15",
    maximumInterval: "3650",
    learningSteps: "1m 10m",
    relearningSteps: "10m",
    enableFuzz: "on",
    timeZone: "Europe/Warsaw",
    dayStartHour: "5",
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
}
