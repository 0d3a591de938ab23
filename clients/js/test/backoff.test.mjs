import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, Query } from '../src/index.js';

test('delays double from the initial one until the cap, spread by the jitter both ways', () => {
  assert.deepEqual([1, 2, 3, 5, 7, 1000].map((n) => backoffDelay(n, {}, 0.5)), [500, 1000, 2000, 8000, 30000, 30000]);
  assert.equal(backoffDelay(1, {}, 0), 250);
  assert.equal(backoffDelay(1, {}, 0.999999), 750);
  assert.equal(backoffDelay(20, {}, 0.999999), 30000, 'never past the cap');
  for (let attempt = 1; attempt < 40; attempt += 1) {
    for (let r = 0; r < 1; r += 0.05) {
      const delay = backoffDelay(attempt, { initialMs: 100, maxMs: 5000 }, r);
      assert.ok(delay >= 0 && delay <= 5000, `${attempt} ${r}: ${delay}`);
    }
  }
  assert.throws(() => backoffDelay(1, { initialMs: 0 }), RangeError);
  assert.throws(() => backoffDelay(1, { jitter: 1 }), RangeError);
});

test('queries are utopia Query JSON, as the Appwrite SDK writes them', () => {
  assert.equal(Query.equal('status', 'active'), '{"method":"equal","attribute":"status","values":["active"]}');
  assert.equal(Query.greaterThan('size', 1000), '{"method":"greaterThan","attribute":"size","values":[1000]}');
  assert.equal(Query.or([Query.isNull('a'), Query.between('b', 1, 2)]),
    '{"method":"or","values":[{"method":"isNull","attribute":"a","values":[]},{"method":"between","attribute":"b","values":[1,2]}]}');
});
