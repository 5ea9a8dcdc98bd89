import { BrowserRouter, Route, Routes } from "react-router-dom";
import Index from "./pages/Index";
import AdminUsers from "./pages/AdminUsers";
import Reports from "./pages/Reports";
import Uploads from "./pages/Uploads";
import EdgeCall from "./pages/EdgeCall";
import { unitMeta } from "./services/metaService";
import { firebaseConfig } from "./lib/firebase";

unitMeta.client();
console.log(firebaseConfig);

const App = () => (
  <BrowserRouter>
    <Routes>
      <Route path="/" element={<Index />} />
      <Route path="/admin/users" element={<AdminUsers />} />
      <Route path="/reports" element={<Reports />} />
      <Route path="/uploads" element={<Uploads />} />
      <Route path="/edge" element={<EdgeCall />} />
    </Routes>
  </BrowserRouter>
);

export default App;
