/** One import site for the discount screens' chunk (the router loads them lazily). */
export { DiscountsPage } from './discounts-page';
export { DiscountCreatePage } from './discount-create-page';
export { discountQueries } from '../api/discount-queries';
