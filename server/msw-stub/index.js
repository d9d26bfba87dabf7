'use strict';
// mocks/problems.ts builds MSW responses with this; the server never calls that function.
class HttpResponse {
  constructor() {
    throw new Error('msw is not available in the Stockroom server');
  }
}
module.exports = { HttpResponse };
