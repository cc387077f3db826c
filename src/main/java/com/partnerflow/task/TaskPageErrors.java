package com.partnerflow.task;

import com.partnerflow.common.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A task the user may not see, or an id that is no number, shows the site's 404 page instead of the
 * API's problem+json. Runs before the API's advice, and only for the task pages.
 */
@ControllerAdvice(assignableTypes = TaskPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskPageErrors {

  @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
  ModelAndView notFound() {
    ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    page.addObject("status", 404);
    return page;
  }
}
