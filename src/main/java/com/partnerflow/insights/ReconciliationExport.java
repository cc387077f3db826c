package com.partnerflow.insights;

import com.partnerflow.insights.InsightsViews.Reconciliation;
import com.partnerflow.insights.InsightsViews.ReconciliationRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reconciliation as CSV (RFC 4180, UTF-8) and as an XLSX workbook written by Apache POI. Text a
 * partner typed (its name) that a spreadsheet would read as a formula is prefixed with an
 * apostrophe in the CSV; POI writes it as a text cell anyway.
 */
final class ReconciliationExport {

  private record Column(String title, Function<ReconciliationRow, Object> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("Partner", ReconciliationRow::partnerName),
          new Column("Partner id", ReconciliationRow::partnerId),
          new Column("Currency", ReconciliationRow::currency),
          new Column("Approved requests", ReconciliationRow::approvedRequests),
          new Column("Approved", ReconciliationRow::approved),
          new Column("Paid", ReconciliationRow::paid),
          new Column("Expected leads", ReconciliationRow::expectedLeads),
          new Column("Actual leads", ReconciliationRow::actualLeads),
          new Column("Leads variance", ReconciliationRow::leadsVariance),
          new Column("Leads attainment", ReconciliationRow::leadsAttainment),
          new Column("Expected pipeline", ReconciliationRow::expectedPipeline),
          new Column("Actual pipeline", ReconciliationRow::actualPipeline),
          new Column("Pipeline variance", ReconciliationRow::pipelineVariance),
          new Column("Pipeline attainment", ReconciliationRow::pipelineAttainment),
          new Column("Expected registrations", ReconciliationRow::expectedRegistrations),
          new Column("Actual registrations", ReconciliationRow::actualRegistrations),
          new Column("Actual opportunities", ReconciliationRow::actualOpportunities));

  private ReconciliationExport() {}

  static byte[] csv(Reconciliation reconciliation) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", COLUMNS.stream().map(Column::title).toList())).append("\r\n");
    for (ReconciliationRow row : reconciliation.rows()) {
      out.append(
              String.join(",", COLUMNS.stream().map(c -> csvField(c.value().apply(row))).toList()))
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String csvField(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    String text = value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  static byte[] xlsx(Reconciliation reconciliation) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Reconciliation " + reconciliation.period());
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      CellStyle rate = workbook.createCellStyle();
      rate.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
      Row header = sheet.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        header.createCell(i).setCellValue(COLUMNS.get(i).title());
      }
      int r = 1;
      for (ReconciliationRow row : reconciliation.rows()) {
        Row line = sheet.createRow(r++);
        for (int i = 0; i < COLUMNS.size(); i++) {
          Object value = COLUMNS.get(i).value().apply(row);
          Cell cell = line.createCell(i);
          if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(COLUMNS.get(i).title().endsWith("attainment") ? rate : money);
          } else if (value instanceof Number number) {
            cell.setCellValue(number.longValue());
          } else if (value != null) {
            cell.setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
