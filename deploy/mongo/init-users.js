// One MongoDB user per service, each with readWrite on its own database and nothing else
// (docker-compose.yml mounts this into /docker-entrypoint-initdb.d; the mongo image runs
// it once, as the root user, on the first start with an empty data directory). The
// passwords come from deploy/compose.env through the mongo service's environment, and
// docker-compose.yml puts the same values into each service's connection URL, so they
// must be URL-safe: at least 32 of [A-Za-z0-9_-], and no CHANGE_ME placeholder.
const USERS = [
  { user: "food_api", database: "food", variable: "MONGO_API_PASSWORD" },
  { user: "payments", database: "payments", variable: "MONGO_PAYMENTS_PASSWORD" },
];

for (const { user, database, variable } of USERS) {
  const password = process.env[variable] || "";
  if (!/^[A-Za-z0-9_-]{32,}$/.test(password) || password.startsWith("CHANGE_ME")) {
    throw new Error(`${variable}: set a random URL-safe value of at least 32 characters`);
  }
  const target = db.getSiblingDB(database);
  if (target.getUser(user) === null) {
    target.createUser({ user, pwd: password, roles: [{ role: "readWrite", db: database }] });
    print(`created MongoDB user ${user} (readWrite on ${database} only)`);
  }
}
