import { Navigate, Route, Routes } from "react-router";
import { AppLayout } from "./layout/AppLayout";
import { HOME_PATH } from "./layout/navigation";
import { EarnPage } from "./pages/EarnPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PoolHealthPage } from "./pages/PoolHealthPage";
import { PositionsPage } from "./pages/PositionsPage";
import { TradePage } from "./pages/TradePage";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={HOME_PATH} replace />} />
        <Route path="trade" element={<TradePage />} />
        <Route path="positions" element={<PositionsPage />} />
        <Route path="earn" element={<EarnPage />} />
        <Route path="pool-health" element={<PoolHealthPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
