package com.partnerflow.processowner.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;
import scala.Product;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.collection.immutable.List;

/**
 * The variables a FEEL expression reads: the first name of each reference in the expression's
 * syntax tree, as the FEEL engine Zeebe uses parses it ({@code routing} in {@code
 * routing.approvalGroups}). Names inside a filter ({@code list[amount > 5]}: the items' keys) and
 * names bound by {@code for}, {@code some} and {@code every} are not variables and are left out.
 */
final class FeelNames {

  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

  private FeelNames() {}

  /**
   * The names an expression reads; a leading {@code =} (Zeebe's expression marker) is allowed. An
   * expression that does not parse reads nothing here: the engine refuses it with its own message.
   */
  static Set<String> read(String expression) {
    if (expression == null || expression.isBlank()) {
      return Set.of();
    }
    String body = expression.strip();
    body = body.startsWith("=") ? body.substring(1) : body;
    ParseResult parsed = ENGINE.parseExpression(body);
    if (parsed.isFailure()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    walk(parsed.parsedExpression().expression(), Set.of(), names);
    return names;
  }

  private static void walk(Object node, Set<String> bound, Set<String> names) {
    switch (node) {
      case Ref ref -> {
        String first = ref.names().head();
        if (!bound.contains(first)) {
          names.add(first);
        }
      }
      case Filter filter -> walk(filter.list(), bound, names);
      case For loop -> iterate(loop.iterators(), loop.exp(), bound, names);
      case SomeItem some -> iterate(some.iterators(), some.condition(), bound, names);
      case EveryItem every -> iterate(every.iterators(), every.condition(), bound, names);
      case Product product -> {
        Iterator<Object> parts = product.productIterator();
        while (parts.hasNext()) {
          walk(parts.next(), bound, names);
        }
      }
      case scala.collection.Iterable<?> items -> {
        Iterator<?> each = items.iterator();
        while (each.hasNext()) {
          walk(each.next(), bound, names);
        }
      }
      default -> {}
    }
  }

  private static void iterate(
      List<Tuple2<String, org.camunda.feel.syntaxtree.Exp>> iterators,
      Object body,
      Set<String> bound,
      Set<String> names) {
    Set<String> inner = new HashSet<>(bound);
    Iterator<Tuple2<String, org.camunda.feel.syntaxtree.Exp>> each = iterators.iterator();
    while (each.hasNext()) {
      Tuple2<String, org.camunda.feel.syntaxtree.Exp> iterator = each.next();
      walk(iterator._2(), inner, names);
      inner.add(iterator._1());
    }
    walk(body, inner, names);
  }
}
