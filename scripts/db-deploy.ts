import { withAppDatabase } from "./support/app-database";

// withAppDatabase applies the committed migrations before handing over the client.
await withAppDatabase(async () => {
  console.log("Migrations applied.");
});
