package dev.awsinventory.transforms.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A compact, deterministic coder for rows: table name, column count, nullable strings. */
public final class ResourceRowCoder extends AtomicCoder<ResourceRow> {
  private static final ResourceRowCoder INSTANCE = new ResourceRowCoder();
  private static final StringUtf8Coder NAME = StringUtf8Coder.of();
  private static final NullableCoder<String> VALUE = NullableCoder.of(StringUtf8Coder.of());

  public static ResourceRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ResourceRow row, OutputStream out) throws IOException {
    NAME.encode(row.table(), out);
    new DataOutputStream(out).writeInt(row.size());
    for (int i = 0; i < row.size(); i++) {
      VALUE.encode(row.value(i), out);
    }
  }

  @Override
  public ResourceRow decode(InputStream in) throws IOException {
    String table = NAME.decode(in);
    int n = new DataInputStream(in).readInt();
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = VALUE.decode(in);
    }
    return new ResourceRow(table, values);
  }

  @Override
  public void verifyDeterministic() {}
}
