// Names for the generated OpenAPI types (schema.d.ts) the app uses.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type User = Schemas["UserOut"];
export type Session = Schemas["SessionOut"];
export type SignupBody = Schemas["SignupIn"];
export type LoginBody = Schemas["LoginIn"];
export type City = Schemas["CityOut"];
export type Restaurant = Schemas["RestaurantOut"];
export type RestaurantDetail = Schemas["RestaurantDetailOut"];
export type RestaurantHit = Schemas["RestaurantHitOut"];
export type RestaurantsPage = Schemas["RestaurantsOut"];
export type FoodItem = Schemas["FoodItemOut"];
export type OptionGroup = Schemas["OptionGroupOut"];
export type MenuOption = Schemas["OptionOut"];
export type ChosenOption = Schemas["ChosenOptionOut"];
export type Cart = Schemas["CartOut"];
export type CartLine = Schemas["CartLineOut"];
export type Bill = Schemas["BillOut"];
export type BillLine = Schemas["BillLineOut"];
export type BillPart = Schemas["BillPartOut"];
export type Coupon = Schemas["CouponOut"];
export type Address = Schemas["AddressOut"];
export type AddressBody = Schemas["AddressIn"];
export type Order = Schemas["OrderOut"];
export type OrderItem = Schemas["OrderItemOut"];
export type OrderRating = Schemas["RatingOut"];
export type RatingBody = Schemas["RatingIn"];
export type Reordered = Schemas["ReorderOut"];
export type OrderStatus = Order["order_status"];
export type Payment = Schemas["PaymentOut"];
export type PaymentMode = Schemas["PlaceOrderIn"]["payment_mode"];
export type PayBody = Schemas["PayIn"];
export type CardBody = Schemas["CardIn"];
export type PaymentResult = Schemas["PaymentResultOut"];
export type Problem = Schemas["ProblemOut"];
export type FieldError = Schemas["FieldErrorOut"];
