// Tests reach across features on purpose (a test seeds a lot, orders it and logs a dose); the
// architecture rules bind the product, not its tests.
global using Speciosa.Web.Alerts;
global using Speciosa.Web.Audit;
global using Speciosa.Web.Clinics;
global using Speciosa.Web.Data;
global using Speciosa.Web.Demo;
global using Speciosa.Web.Identity;
global using Speciosa.Web.Jurisdictions;
global using Speciosa.Web.Liver;
global using Speciosa.Web.Medicines;
global using Speciosa.Web.Patients;
global using Speciosa.Web.Products;
global using Speciosa.Web.Regimens;
global using Speciosa.Web.Safety;
global using Speciosa.Web.Withdrawal;
