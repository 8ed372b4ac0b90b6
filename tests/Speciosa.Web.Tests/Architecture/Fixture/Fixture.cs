// A tiny product with known faults, for the test of the architecture test: Orders and Stock name each other (a
// cycle), Orders names Billing one way (fine), and the kernel names Billing (forbidden). Stock and the kernel each
// have a generic Write<T>(T) with the same signature, which names neither.
namespace Speciosa.Web.Tests.Architecture.Fixture.Orders
{
    public sealed class Order
    {
        public Stock.Reservation? Reservation { get; set; }

        public Billing.Invoice Bill() => new();
    }
}

namespace Speciosa.Web.Tests.Architecture.Fixture.Stock
{
    public sealed class Reservation
    {
        public static int CountOf(IEnumerable<Orders.Order> orders) => orders.Count();

        public static string Write<T>(T value) => $"{value}";
    }
}

namespace Speciosa.Web.Tests.Architecture.Fixture.Billing
{
    public sealed class Invoice
    {
        public decimal Total { get; set; }
    }
}

namespace Speciosa.Web.Tests.Architecture.Fixture.Kernel
{
    public sealed class Ledger
    {
        public Billing.Invoice? Last { get; set; }

        public static string Write<T>(T value) => $"{value}";
    }
}
