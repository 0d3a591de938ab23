// Subscription queries as the server reads them (utopia Query JSON, the strings the Appwrite SDKs' Query makes).
// contains, startsWith, endsWith, between and dotted attribute paths are indobase extensions that Appwrite refuses.

const filter = (method, attribute, values) => JSON.stringify({ method, attribute, values });
const group = (method, queries) => JSON.stringify({ method, values: queries.map((q) => JSON.parse(q)) });
const list = (value) => (Array.isArray(value) ? value : [value]);

export const Query = Object.freeze({
  equal: (attribute, value) => filter('equal', attribute, list(value)),
  notEqual: (attribute, value) => filter('notEqual', attribute, list(value)),
  lessThan: (attribute, value) => filter('lessThan', attribute, [value]),
  lessThanEqual: (attribute, value) => filter('lessThanEqual', attribute, [value]),
  greaterThan: (attribute, value) => filter('greaterThan', attribute, [value]),
  greaterThanEqual: (attribute, value) => filter('greaterThanEqual', attribute, [value]),
  between: (attribute, low, high) => filter('between', attribute, [low, high]),
  isNull: (attribute) => filter('isNull', attribute, []),
  isNotNull: (attribute) => filter('isNotNull', attribute, []),
  contains: (attribute, value) => filter('contains', attribute, list(value)),
  startsWith: (attribute, value) => filter('startsWith', attribute, [value]),
  endsWith: (attribute, value) => filter('endsWith', attribute, [value]),
  and: (queries) => group('and', queries),
  or: (queries) => group('or', queries),
});
