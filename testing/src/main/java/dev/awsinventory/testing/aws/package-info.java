/**
 * A fake AWS endpoint for tests: {@link dev.awsinventory.testing.aws.FakeAws} serves STS
 * (AssumeRole, GetCallerIdentity) and every EC2 describe action over HTTP, in the real wire
 * protocols, to unmodified AWS SDK v2 clients. Resources are SDK model objects stored per account,
 * region and action ({@link dev.awsinventory.testing.aws.FakeRegion}); {@link
 * dev.awsinventory.testing.aws.ModelFiller} builds fully populated ones; {@link
 * dev.awsinventory.testing.aws.Faults} injects latency, throttling, errors and drops.
 */
package dev.awsinventory.testing.aws;
