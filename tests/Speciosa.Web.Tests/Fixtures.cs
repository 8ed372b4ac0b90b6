using Speciosa.Testing;
using Xunit;

// One throwaway PostgreSQL cluster for the whole test run; each class or test creates its own database in it.
[assembly: AssemblyFixture(typeof(PostgresCluster))]
