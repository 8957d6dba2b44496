package org.morgue.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised before any controller is chosen (an unsupported content type, a wrong
 * method, no such endpoint): problem details under {@code /api/}, and passed on to the
 * error pages elsewhere.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingErrorHandler {

	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
			HttpRequestMethodNotSupportedException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> routing(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith("/api/") || !(ex instanceof ErrorResponse error)) {
			throw ex;
		}
		return ApiExceptionHandler.fromSpring(error);
	}

}
