import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { RequireAuth } from "./components/RequireAuth";
import { CartPage } from "./pages/CartPage";
import { CheckoutPage } from "./pages/CheckoutPage";
import { CityPage } from "./pages/CityPage";
import { FavouritesPage } from "./pages/FavouritesPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrderPage } from "./pages/OrderPage";
import { OrdersPage } from "./pages/OrdersPage";
import { RestaurantPage } from "./pages/RestaurantPage";
import { SearchPage } from "./pages/SearchPage";
import { SignupPage } from "./pages/SignupPage";
import { PartnerPage } from "./partner/PartnerPage";
import { RiderPage } from "./rider/RiderPage";
import { CartProvider } from "./state/cart";
import { CityProvider } from "./state/city";
import { FavouritesProvider } from "./state/favourites";
import { SessionProvider } from "./state/session";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<SearchPage />} />
        <Route path="city" element={<CityPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="signup" element={<SignupPage />} />
        <Route path="restaurants/:restaurantId" element={<RestaurantPage />} />
        <Route path="cart" element={<RequireAuth><CartPage /></RequireAuth>} />
        <Route path="checkout" element={<RequireAuth><CheckoutPage /></RequireAuth>} />
        <Route path="orders" element={<RequireAuth><OrdersPage /></RequireAuth>} />
        <Route path="orders/:orderId" element={<RequireAuth><OrderPage /></RequireAuth>} />
        <Route path="favourites" element={<RequireAuth><FavouritesPage /></RequireAuth>} />
        <Route path="partner" element={<RequireAuth role="PARTNER"><PartnerPage /></RequireAuth>} />
        <Route path="rider" element={<RequireAuth role="RIDER"><RiderPage /></RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Everything below the router: session, city, cart and favourites state, then the pages. */
export function App() {
  return (
    <SessionProvider>
      <CityProvider>
        <CartProvider>
          <FavouritesProvider>
            <AppRoutes />
          </FavouritesProvider>
        </CartProvider>
      </CityProvider>
    </SessionProvider>
  );
}
