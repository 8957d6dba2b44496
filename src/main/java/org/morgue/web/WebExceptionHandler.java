package org.morgue.web;

import jakarta.servlet.http.HttpServletResponse;
import org.morgue.system.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors on pages become pages that say what happened, never a stack trace.
 */
@ControllerAdvice(basePackageClasses = WebExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebExceptionHandler {

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex, Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("message", ex.getMessage());
		return "error/page";
	}

	@ExceptionHandler
	String status(ResponseStatusException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("status", ex.getStatusCode().value());
		model.addAttribute("message", ex.getReason());
		return "error/page";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(MethodArgumentTypeMismatchException ex, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("message", "'" + ex.getValue() + "' is not a valid " + ex.getName() + ".");
		return "error/page";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
	String uploadTooLarge(MaxUploadSizeExceededException ex, Model model) {
		model.addAttribute("status", 413);
		model.addAttribute("message",
				"The upload is too large. Upload fewer files at once, each under the archive's limit.");
		return "error/page";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unreadableUpload(MultipartException ex, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("message",
				"The files did not arrive as an upload: choose them in the form and send it again.");
		return "error/page";
	}

}
